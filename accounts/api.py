"""Accounts API: `GET /api/me/` (the signed-in user, 401 otherwise) and
`GET /api/users/<username>/` (anyone's public profile)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.users.models import UserProfile

from config.api_errors import ApiErrorSerializer

from .bans import active_ban
from .models import Profile, User
from .reputation import level_for, unlocked_at
from .roles import user_roles
from .serializers import MeSerializer, PublicProfileSerializer

NOT_SIGNED_IN = OpenApiResponse(ApiErrorSerializer, description="Not signed in")


def avatar_url(user: User) -> str | None:
    """The avatar uploaded in the admin (Wagtail's user profile), never a Gravatar."""
    profile = UserProfile.objects.filter(user=user).only("avatar").first()
    return profile.avatar.url if profile and profile.avatar else None


def public_profile(user: User) -> dict:
    reputation = Profile.objects.filter(user=user).values_list("reputation", flat=True).first()
    reputation = reputation or 0
    level = level_for(reputation)
    return {
        "username": user.username,
        "avatar_url": avatar_url(user),
        "date_joined": user.date_joined,
        "reputation": reputation,
        "level": level,
        "unlocked": unlocked_at(level["number"]),
        "roles": [
            {"name": role.name, "label": role.label, "rank": role.rank} for role in user_roles(user)
        ],
    }


class MeView(APIView):
    permission_classes = (AllowAny,)  # anonymous gets a 401 with a message, not DRF's 403

    @extend_schema(
        operation_id="me",
        summary="The signed-in user: profile, reputation, roles, ban",
        responses={200: MeSerializer, 401: NOT_SIGNED_IN},
        tags=["accounts"],
    )
    def get(self, request):
        user = request.user
        if not user.is_authenticated:
            return Response({"detail": "Потрібно увійти."}, status=401)
        ban = active_ban(user)
        data = {
            **public_profile(user),
            "id": user.pk,
            "email": user.email,
            "can_access_admin": user.has_perm("wagtailadmin.access_admin"),
            "ban": {"reason": ban.reason, "ends_at": ban.ends_at} if ban else None,
        }
        response = Response(MeSerializer(data).data)
        response["Cache-Control"] = "private, no-store"
        return response


class UserProfileView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="user_profile",
        summary="A user's public profile",
        responses={
            200: PublicProfileSerializer,
            404: OpenApiResponse(ApiErrorSerializer, description="No such user"),
        },
        tags=["accounts"],
    )
    def get(self, request, username: str):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            return Response({"detail": "Користувача не знайдено."}, status=404)
        return Response(PublicProfileSerializer(public_profile(user)).data)
