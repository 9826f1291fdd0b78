/**
 * Work that moves the layout, held back while a pointer button is down.
 *
 * A field shows its problems once it loses focus. When focus leaves because the user pressed a
 * control further down the form, a problem revealed at that moment pushes the control down
 * before the button is released: the release lands on another element and the click is lost
 * (a radio button that does not take, a button that does nothing). Deferring the reveal until
 * the click has been dispatched keeps the control under the pointer.
 */
let held = false;
let waiting: (() => void)[] = [];
let installed = false;

function install(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('pointerdown', () => (held = true), true);
  const release = () => {
    held = false;
    const tasks = waiting;
    waiting = [];
    // After this task: the click that follows the release is dispatched first.
    if (tasks.length) setTimeout(() => tasks.forEach((t) => t()));
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
}

/** Listens for presses from now on; call from the setup of a component that uses afterPointerRelease. */
export function usePointerRelease(): (task: () => void) => void {
  install();
  return (task) => {
    if (held) waiting.push(task);
    else task();
  };
}
