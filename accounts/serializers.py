"""Serializers of the accounts API: the public profile and the signed-in user's own view."""

from rest_framework import serializers


class LevelSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()


class RoleRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    rank = serializers.IntegerField()


class BanInfoSerializer(serializers.Serializer):
    reason = serializers.CharField()
    ends_at = serializers.DateTimeField(allow_null=True)


class PublicProfileSerializer(serializers.Serializer):
    username = serializers.CharField()
    avatar_url = serializers.CharField(allow_null=True)
    date_joined = serializers.DateTimeField()
    reputation = serializers.IntegerField()
    level = LevelSerializer()
    unlocked = serializers.ListField(child=serializers.CharField())
    roles = RoleRefSerializer(many=True)


class MeSerializer(PublicProfileSerializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    can_access_admin = serializers.BooleanField()
    ban = BanInfoSerializer(allow_null=True)
