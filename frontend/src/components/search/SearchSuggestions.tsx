/** What to offer when a search finds nothing: tips and the most popular titles. */
import TitleGrid from "@/components/titles/TitleGrid";
import { homeRow } from "@/lib/api/titles";
import ui from "@/components/common/ui.module.css";

export default async function SearchSuggestions({ query }: { query: string }) {
  const popular = await homeRow("anime", "-rating").catch(() => null);
  return (
    <div>
      <p>
        {query ? `За запитом «${query}» нічого не знайшлося.` : "Нічого не знайшлося."} Спробуйте:
      </p>
      <ul className={ui.tips}>
        <li>перевірити написання або написати коротше;</li>
        <li>шукати англійською чи ромаджі (наприклад, «Shingeki no Kyojin»);</li>
        <li>прибрати частину фільтрів.</li>
      </ul>
      {popular && popular.items.length > 0 && (
        <>
          <h2>Популярне зараз</h2>
          <TitleGrid titles={popular.items} wholeRows />
        </>
      )}
    </div>
  );
}
