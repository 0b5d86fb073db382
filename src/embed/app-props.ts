// Embed parameters → the App's props (shared by the iframe page and the web component).
// Autoplay respects the reader's reduced-motion setting, and a map that plays by
// itself always shows its play/pause controls (moving content needs a way to stop it).
import type { EmbedParams } from './params';

export function appProps(p: EmbedParams, defaultData: string, reducedMotion = false) {
  const autoplay = p.autoplay && !reducedMotion;
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
      playback: p.show.includes('controls') || autoplay,
      histogram: true,
    },
    ...(p.headline ? { title: p.headline } : {}),
    ...(p.view ? { view: p.view } : {}),
    ...(p.speed !== undefined ? { speed: p.speed } : {}),
    autoplay,
    loop: p.loop,
    themeChoice: p.theme,
  };
}
