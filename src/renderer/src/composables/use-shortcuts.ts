import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { commandForKey } from '../../../shared/app-commands';
import { useAppCommands } from './use-app-commands';
import { isPrimaryModifier, isTypingTarget } from './keys';

/**
 * The app's global keyboard and mouse shortcuts: keys are matched against the one list of
 * app commands (src/shared/app-commands.ts, which the desktop menu shows too). The default
 * action is prevented for each one we handle, so the browser does not also go back, zoom,
 * print or open its own find.
 */
export function useShortcuts(): void {
  const router = useRouter();
  const run = useAppCommands();

  function onKeyDown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.isComposing) return;
    const id = commandForKey({
      key: e.key,
      primary: isPrimaryModifier(e),
      alt: e.altKey,
      shift: e.shiftKey,
      typing: isTypingTarget(e.target),
    });
    if (!id) return;
    e.preventDefault();
    run(id);
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
