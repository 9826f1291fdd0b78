import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import './styles/app.css';

// Follow the system theme from the first paint; the stored choice is applied once settings load.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

createApp(App).use(createPinia()).use(createAppRouter()).mount('#app');
