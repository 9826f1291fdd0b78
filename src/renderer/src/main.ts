// First: it sends the first screen's requests before the app's own modules are evaluated.
import { firstPage } from './first-screen';
import { startApp } from './start-app';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/views.css';
import './styles/print.css';

void startApp(firstPage);
