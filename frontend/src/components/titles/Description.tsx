/** A title's rich-text description (HTML sanitised by the backend on save). */
export default function Description({ html }: { html: string }) {
  if (!html.trim()) return <p className="muted">Опис ще не додано.</p>;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
