import { mount } from 'svelte';
import App from './App.svelte';
import { safeHttpUrl } from './data/safe-url';

// Page options from the query string: ?data=URL (another events file, same
// origin or absolute) and ?style=URL (an online MapLibre style, opt-in).
const q = new URLSearchParams(location.search);
const data = q.get('data');
const style = q.get('style');
const renderer = q.get('renderer');

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
export default mount(App, {
  target,
  props: {
    embedded: false,
    ...(data ? { dataUrl: data } : {}),
    styleUrl: style ? safeHttpUrl(style) : null,
    renderer: renderer === 'scale' || renderer === 'day-layers' ? renderer : null,
  },
});
