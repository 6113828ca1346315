/** `/schedule/`: the week's episodes in Kyiv time, from `GET /api/schedule/`. */
import type { Metadata } from "next";
import Link from "next/link";
import EmptyState from "@/components/common/EmptyState";
import DubTeamChips from "@/components/dubbing/DubTeamChips";
import Poster from "@/components/titles/Poster";
import { getSchedule } from "@/lib/api/search";
import { formatDayMonth, formatTime } from "@/lib/labels";
import { pageMetadata } from "@/lib/seo";

// Rendered per request (data cached for 10 minutes): the API is not reachable at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = pageMetadata({
  title: "Розклад виходу серій",
  description: "Коли виходять нові серії аніме з українським озвученням: розклад на тиждень за київським часом.",
  path: "/schedule/",
});

export default async function ScheduleRoute() {
  const days = await getSchedule();
  const hasItems = days?.some((day) => day.items.length > 0) ?? false;
  return (
    <>
      <div className="page-head">
        <h1>Розклад виходу серій</h1>
        <p className="page-head__intro">Нові серії на найближчі сім днів, час — київський.</p>
      </div>
      {days === null ? (
        <EmptyState title="Розклад ще готується">
          <p>
            Ми саме налаштовуємо розклад виходу серій. Тим часом загляньте до{" "}
            <Link href="/anime/?status=ongoing">онґоїнгів</Link>.
          </p>
        </EmptyState>
      ) : !hasItems ? (
        <EmptyState title="Цього тижня нових серій не заплановано" />
      ) : (
        <ol className="schedule">
          {days.map((day) => (
            <li key={day.date} className="schedule__day">
              <h2>
                {day.weekday} <span className="muted">{formatDayMonth(day.date)}</span>
              </h2>
              {day.items.length === 0 ? (
                <p className="muted">Нічого не виходить.</p>
              ) : (
                <ul className="schedule__items">
                  {day.items.map((item) => (
                    <li key={`${item.title.id}-${item.episode}`} className="schedule__item">
                      <time dateTime={item.airsAt ?? undefined} className="schedule__time">
                        {formatTime(item.airsAt) || "—"}
                      </time>
                      <div className="schedule__poster">
                        <Poster src={item.title.posterUrl} title={item.title.title} sizes="48px" />
                      </div>
                      <div>
                        <Link href={item.title.url} className="schedule__title">
                          {item.title.title}
                        </Link>
                        {item.episode !== null && <p className="muted">Серія {item.episode}</p>}
                        <DubTeamChips
                          teams={item.dubs.map((dub) => ({
                            id: null,
                            slug: dub.slug,
                            title: dub.title,
                            url: `/dub-teams/${dub.slug}/`,
                            logoUrl: null,
                          }))}
                        />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
