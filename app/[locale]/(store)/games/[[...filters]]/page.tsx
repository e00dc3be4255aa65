import { browseRoute } from '../../_browse/browse-route';

// /games and /games/{filters}: see app/[locale]/_browse/browse-route.tsx.
const route = browseRoute('games');

// Partial Prefetching: see app/[locale]/(store)/products/[slug]/page.tsx.
export const prefetch = 'partial';
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.BrowsePage;
