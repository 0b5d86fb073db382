// Embed parameters → the App's props (shared by the iframe page and the web component).
import type { EmbedParams } from './params';

export function appProps(p: EmbedParams, defaultData: string) {
  return {
    embedded: true,
    syncHash: false,
    embedButton: false,
    dataUrl: p.data ?? defaultData,
    ...(p.date ? { initialDate: p.date } : {}),
    ...(p.mode ? { mode: p.mode } : {}),
    ...(p.categories ? { categories: p.categories } : {}),
    controls: {
      header: p.show.includes('title'),
      legend: p.show.includes('legend'),
      list: p.show.includes('list'),
      playback: p.show.includes('controls'),
      histogram: true,
    },
    ...(p.headline ? { title: p.headline } : {}),
    ...(p.view ? { view: p.view } : {}),
    ...(p.speed !== undefined ? { speed: p.speed } : {}),
    autoplay: p.autoplay,
    loop: p.loop,
    themeChoice: p.theme,
  };
}
