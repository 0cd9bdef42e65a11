export { CHROMIUM_INSTALL_HINT, findChromium } from '../../host/tools/chromium.js';

/** Flags that keep Debian's Chromium quiet and offline, with a fake camera and microphone. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];
