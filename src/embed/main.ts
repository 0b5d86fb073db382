// The iframe embed (embed.html): the App with minimal chrome, configured by the
// query string (./params.ts), reporting its height to the parent page
// (./height.ts) and speaking the postMessage API (./bridge.ts).
import { mount } from 'svelte';
import App from '../App.svelte';
import { parseQuery } from './params';
import { appProps } from './app-props';
import { reportHeight } from './height';
import { startBridge, type EmbedApi } from './bridge';
import './embed.css';

const params = parseQuery(location.search);
const embedId = params.childId ?? 'event-map';
const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from embed.html');
target.textContent = '';
document.documentElement.classList.add('em-auto');

let app: EmbedApi | undefined;
let reporter: ReturnType<typeof reportHeight> = null;
// The parent script names this iframe by postMessage (its hello) when the URL had no childId:
// from then on the height messages carry that id too (a new reporter posts the height at once).
const bridge = startBridge({
  embedId,
  origins: params.origins,
  onRename: (id) => {
    reporter?.stop();
    reporter = reportHeight(target, id);
  },
});
// The content changes height with the date and the selection; measure after Svelte has drawn it
// (ResizeObserver alone waits for rendering, which Chromium pauses in off-screen frames).
const remeasure = () => setTimeout(() => reporter?.update(), 0);
app = mount(App, {
  target,
  props: {
    ...appProps(params, './data/events.geojson', matchMedia('(prefers-reduced-motion: reduce)').matches),
    onstatus: (s) => {
      remeasure();
      if (s.kind === 'ready') {
        bridge.emit({ type: 'eventmap:ready', date: s.date ?? null });
        if (app) bridge.ready(app);
      } else if (s.kind === 'error') {
        bridge.emit({ type: 'eventmap:error', message: s.message ?? 'error' });
      }
    },
    ondate: (date) => {
      remeasure();
      bridge.emit({ type: 'eventmap:dateChanged', date });
    },
    onselectevent: (id) => {
      remeasure();
      bridge.emit({ type: 'eventmap:eventSelected', id });
    },
    onplaying: (playing) => bridge.emit({ type: 'eventmap:playing', playing }),
  },
}) as unknown as EmbedApi;
// The status callback can fire during mount, before `app` is assigned.
queueMicrotask(() => {
  const root = target.querySelector('.em-app');
  if (root?.getAttribute('data-state') === 'ready' && app) bridge.ready(app);
});

reporter = reportHeight(target, embedId);
