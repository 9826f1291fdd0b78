// First: it sends the first screen's requests before the app's own modules are evaluated.
import { firstPage } from './first-screen';
import { startApp } from './start-app';
import './styles/app.css';
import './styles/print.css';

void startApp(firstPage);
