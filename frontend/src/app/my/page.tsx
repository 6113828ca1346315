/** `/my/`: the visitor's list, filled in the browser (the HTML is the same for everyone). */
import type { Metadata } from "next";
import MyList from "@/components/library/MyList";

export const metadata: Metadata = {
  title: "Мій список",
  description: "Ваш список аніме й манґи на AniHata.",
  robots: { index: false, follow: false },
};

export default function MyListPage() {
  return (
    <>
      <h1>Мій список</h1>
      <MyList />
    </>
  );
}
