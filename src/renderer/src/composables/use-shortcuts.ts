import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { isPrimaryModifier, isTypingTarget } from './keys';

/**
 * The app's global keyboard and mouse shortcuts. The default action is prevented for
 * each one we handle, so the browser does not also go back, zoom or open its own find.
 */
export function useShortcuts(): void {
  const router = useRouter();
  const ui = useUiStore();
  const settings = useSettingsStore();

  function onKeyDown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.isComposing) return;
    const primary = isPrimaryModifier(e);
    const key = e.key;
    let handled = true;
    if (primary && !e.altKey && (key === 'k' || key === 'K')) ui.openSwitcher();
    else if (primary && !e.altKey && (key === 'f' || key === 'F')) ui.openFind();
    else if (primary && !e.altKey && (key === '=' || key === '+')) void settings.zoomBy(1);
    else if (primary && !e.altKey && (key === '-' || key === '_')) void settings.zoomBy(-1);
    else if (primary && !e.altKey && key === '0') void settings.resetZoom();
    else if (e.altKey && !primary && !e.shiftKey && key === 'ArrowLeft') router.back();
    else if (e.altKey && !primary && !e.shiftKey && key === 'ArrowRight') router.forward();
    else if (!primary && !e.altKey && !isTypingTarget(e.target) && key === '/' && !ui.switcherOpen)
      ui.focusSearch();
    else if (!primary && !e.altKey && !isTypingTarget(e.target) && key === '?') ui.toggleShortcuts();
    else handled = false;
    if (handled) e.preventDefault();
  }

  // Mouse buttons 3 and 4 are the "back" and "forward" side buttons.
  function onMouseUp(e: MouseEvent): void {
    if (e.button === 3) router.back();
    else if (e.button === 4) router.forward();
    else return;
    e.preventDefault();
  }
  const preventSideButton = (e: MouseEvent) => {
    if (e.button === 3 || e.button === 4) e.preventDefault();
  };

  onMounted(() => {
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    window.addEventListener('mousedown', preventSideButton);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('mouseup', onMouseUp);
    window.removeEventListener('mousedown', preventSideButton);
  });
}
