import type { Domain } from '../time/domain';

/** The day a key moves the date slider to, or null when the key is not the slider's. */
export function dayForKey(key: string, day: number, domain: Domain): number | null {
  let next: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      next = day - 1;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      next = day + 1;
      break;
    case 'PageUp':
      next = day + 7;
      break;
    case 'PageDown':
      next = day - 7;
      break;
    case 'Home':
      next = domain.start;
      break;
    case 'End':
      next = domain.end;
      break;
    default:
      return null;
  }
  return Math.min(domain.end, Math.max(domain.start, next));
}
