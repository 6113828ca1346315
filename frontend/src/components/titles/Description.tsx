/** A title's rich-text description (HTML sanitised by the backend on save). */
import ui from "@/components/common/ui.module.css";

export default function Description({ html }: { html: string }) {
  if (!html.trim()) return <p className={ui.muted}>Опис ще не додано.</p>;
  return <div className={ui.prose} dangerouslySetInnerHTML={{ __html: html }} />;
}
