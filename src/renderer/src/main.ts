import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { usePageStore } from './stores/page';
import { parsePageRoute } from '../../shared/routes';
import './styles/app.css';

// Follow the system theme from the first paint; the stored choice is applied once settings load.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches
  ? 'dark'
  : 'light';

const pinia = createPinia();
const app = createApp(App).use(pinia).use(createAppRouter());
// Opened on a page (a link, a reload): ask for it before the shell renders, ahead of the
// shell's own requests; the page view then picks up the same request.
const first = parsePageRoute(window.location.hash);
if (first) void usePageStore(pinia).open(first.id);
app.mount('#app');
