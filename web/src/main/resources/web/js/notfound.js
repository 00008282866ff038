import { setUpPage } from './chrome.js';

await setUpPage();
