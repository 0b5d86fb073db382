import { describe, expect, it } from 'vitest';
import { appProps } from './app-props';
import { parseQuery } from './params';

describe('appProps', () => {
  const cases: { name: string; query: string; reduced?: boolean; expected: Record<string, unknown> }[] = [
    { name: 'defaults: map + slider, no hash, no embed button', query: '', expected: { embedded: true, syncHash: false, embedButton: false, dataUrl: 'd.geojson', autoplay: false, loop: false, themeChoice: 'auto', controls: { header: false, legend: false, list: false, playback: false, histogram: true } } },
    { name: 'show switches chrome on', query: '?show=title,legend,list,controls', expected: { controls: { header: true, legend: true, list: true, playback: true, histogram: true } } },
    { name: 'autoplay brings the play/pause controls', query: '?autoplay', expected: { autoplay: true, controls: { header: false, legend: false, list: false, playback: true, histogram: true } } },
    { name: 'reduced motion: no autoplay, no forced controls', query: '?autoplay', reduced: true, expected: { autoplay: false, controls: { header: false, legend: false, list: false, playback: false, histogram: true } } },
    { name: 'start state', query: '?data=x.geojson&date=2025-05-24&mode=cumulative&categories=talks&speed=4&view=30,50,5&headline=Hi&theme=dark', expected: { dataUrl: 'x.geojson', initialDate: '2025-05-24', mode: 'cumulative', categories: ['talks'], speed: 4, view: { lon: 30, lat: 50, zoom: 5 }, title: 'Hi', themeChoice: 'dark' } },
  ];
  for (const c of cases) it(c.name, () => expect(appProps(parseQuery(c.query), 'd.geojson', c.reduced ?? false)).toMatchObject(c.expected));
  it('leaves unset start values out (the App keeps its own defaults)', () => {
    const p = appProps(parseQuery(''), 'd.geojson');
    for (const k of ['initialDate', 'mode', 'categories', 'speed', 'view', 'title']) expect(p).not.toHaveProperty(k);
  });
});
