import { createRouter, createWebHashHistory, type RouteLocationNormalizedLoaded } from 'vue-router';
import { parsePageRoute, routeOf } from '../../shared/routes';
import type { PageId } from '../../shared/domain';
import HomeView from './views/HomeView.vue';
import PageView from './views/PageView.vue';
import { useEvolutionStore } from './stores/evolution';
import { useProgressStore } from './stores/progress';

// Home and the page view are in the first script (one is on screen at start); the other
// views are loaded when first visited, so they do not weigh on the first paint.
const CatalogueView = () => import('./views/CatalogueView.vue');
const TimelineView = () => import('./views/TimelineView.vue');
const SearchView = () => import('./views/SearchView.vue');
const BookmarksView = () => import('./views/BookmarksView.vue');
const HistoryView = () => import('./views/HistoryView.vue');
const MigrationsView = () => import('./views/MigrationsView.vue');
const NotFoundView = () => import('./views/NotFoundView.vue');
const ReportDraftsView = () => import('./views/ReportDraftsView.vue');
const ReportComposerView = () => import('./views/ReportComposerView.vue');
const UpdatesView = () => import('./views/UpdatesView.vue');
const YourDataView = () => import('./views/YourDataView.vue');

/** Hash routes, so the same build works from `app://` (Electron) and from `dstudio serve`. */
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'home', component: HomeView, meta: { title: 'Home' } },
      { path: '/page/:id(.*)', name: 'page', component: PageView },
      {
        path: '/catalogue',
        name: 'catalogue',
        component: CatalogueView,
        meta: { title: 'Pattern catalogue' },
      },
      {
        path: '/timeline',
        name: 'timeline',
        component: TimelineView,
        meta: { title: 'Timeline' },
        // The facts are asked for while the view's script loads, not after.
        beforeEnter: () => void useEvolutionStore().ensureTimeline(),
      },
      { path: '/search', name: 'search', component: SearchView, meta: { title: 'Search' } },
      { path: '/bookmarks', name: 'bookmarks', component: BookmarksView, meta: { title: 'Bookmarks' } },
      { path: '/history', name: 'history', component: HistoryView, meta: { title: 'History' } },
      {
        path: '/migrations',
        name: 'migrations',
        component: MigrationsView,
        meta: { title: 'My migrations' },
        // The runs are asked for while the view's script loads, not after.
        beforeEnter: () => void useProgressStore().loadRuns(),
      },
      { path: '/reports', name: 'reports', component: ReportDraftsView, meta: { title: 'Reports' } },
      {
        path: '/reports/:id',
        name: 'report',
        component: ReportComposerView,
        meta: { title: 'Report draft' },
      },
      { path: '/updates', name: 'updates', component: UpdatesView, meta: { title: 'Content updates' } },
      { path: '/your-data', name: 'your-data', component: YourDataView, meta: { title: 'Your data' } },
      { path: '/:rest(.*)', name: 'not-found', component: NotFoundView, meta: { title: 'Not found' } },
    ],
  });
}

/** The router path of a page (what `routeOf` gives, without the `#`). */
export function pagePath(id: PageId, anchor: string | null = null): string {
  return routeOf(id, anchor).slice(1);
}

/** Page id and anchor of the current route, read with the same parser the stored links are written for. */
export function pageRouteOf(
  route: RouteLocationNormalizedLoaded,
): { id: PageId; anchor: string | null } | null {
  return route.name === 'page' ? parsePageRoute(`#${route.fullPath}`) : null;
}
