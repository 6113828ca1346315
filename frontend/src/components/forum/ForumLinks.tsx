/**
 * The forum on Next.js pages: a title's «Обговорення на форумі» link and the home page's
 * «Останнє на форумі» list. Plain <a> links: the forum is rendered by Django (full page loads).
 */
import type { ForumTopic, TitleTopic } from "@/lib/api/forum";
import { REPLY_FORMS, countLabel, formatDate } from "@/lib/labels";
import ui from "@/components/common/ui.module.css";
import styles from "@/components/forum/Forum.module.css";

/** The forum's index (Django's, like every /forum/ page). */
export const FORUM_HOME = "/forum/";

export function TitleTopicLink({ topic }: { topic: TitleTopic }) {
  return (
    <p className={styles.titleTopic}>
      <a href={topic.url} className={`${ui.button} ${ui.buttonGhost}`}>
        Обговорення на форумі
      </a>{" "}
      <span className={ui.muted}>
        {topic.replies > 0 ? countLabel(topic.replies, REPLY_FORMS) : "ще без відповідей"}
      </span>
    </p>
  );
}

export function LatestForumTopics({ topics }: { topics: ForumTopic[] }) {
  return (
    <ul className={styles.topicList}>
      {topics.map((topic) => (
        <li key={topic.id} className={styles.topic} data-testid="forum-topic">
          <a href={topic.url} className={styles.topicSubject}>
            {topic.subject}
          </a>
          <span className={ui.muted}>
            <a href={topic.forum.url}>{topic.forum.name}</a>
            {" · "}
            {topic.replies > 0 ? countLabel(topic.replies, REPLY_FORMS) : "нова тема"}
            {topic.last_post_at && ` · ${formatDate(topic.last_post_at)}`}
            {topic.last_poster && ` · ${topic.last_poster}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
