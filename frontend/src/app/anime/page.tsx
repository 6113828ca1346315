/** `/anime/`: the anime catalog (see components/pages/catalogRoute.tsx). */
import { catalogRoute } from "@/components/pages/catalogRoute";

const route = catalogRoute("/anime/");

// Per request: the filters live in the query string (a literal, so Next can read it).
export const dynamic = "force-dynamic";
export const generateMetadata = route.generateMetadata;
export default route.CatalogRoute;
