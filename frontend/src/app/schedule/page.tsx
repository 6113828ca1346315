/** `/schedule/`: the week's episodes in Kyiv time, from `GET /api/schedule/`. */
import type { Metadata } from "next";
import Link from "@/components/common/IntentLink";
import EmptyState from "@/components/common/EmptyState";
import { DubTeamChip } from "@/components/dubbing/DubTeamChips";
import Poster from "@/components/titles/Poster";
import { getSchedule } from "@/lib/api/search";
import { formatDayMonth, formatTime, formatWeekdayTime } from "@/lib/labels";
import { pageMetadata } from "@/lib/seo";
import ui from "@/components/common/ui.module.css";
import styles from "@/app/schedule/schedule.module.css";

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
      <div className={ui.pageHead}>
        <h1>Розклад виходу серій</h1>
        <p className={ui.pageHeadIntro}>Нові серії на найближчі сім днів, час — київський.</p>
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
        <ol className={styles.schedule}>
          {days.map((day) => (
            <li key={day.date}>
              <h2>
                {day.weekday} <span className={ui.muted}>{formatDayMonth(day.date)}</span>
              </h2>
              {day.items.length === 0 ? (
                <p className={ui.muted}>Нічого не виходить.</p>
              ) : (
                <ul className={styles.scheduleItems}>
                  {day.items.map((item) => (
                    <li key={`${item.title.id}-${item.episode}`} className={styles.scheduleItem}>
                      <time dateTime={item.airsAt ?? undefined} className={styles.scheduleTime}>
                        {formatTime(item.airsAt) || "—"}
                      </time>
                      <div className={styles.schedulePoster}>
                        <Poster src={item.title.posterUrl} title={item.title.title} />
                      </div>
                      <div>
                        <Link href={item.title.url} className={styles.scheduleTitle}>
                          {item.title.title}
                        </Link>
                        {item.episode !== null && (
                          <p className={ui.muted} data-testid="schedule-episode">
                            Серія {item.episode}
                          </p>
                        )}
                        {item.dubs.length > 0 && (
                          <ul className={styles.scheduleDubs} aria-label="Очікуване озвучення">
                            {item.dubs.map((dub) => (
                              <li key={dub.team.slug}>
                                <DubTeamChip team={dub.team} />
                                {dub.expectedAt && (
                                  <span className={ui.muted}>
                                    {" "}
                                    ≈ <time dateTime={dub.expectedAt}>{formatWeekdayTime(dub.expectedAt)}</time>
                                  </span>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
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
