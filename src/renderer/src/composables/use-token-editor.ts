import { nextTick, ref, useTemplateRef } from 'vue';
import { useUpdatesStore } from '../stores/updates';

/**
 * Setting, replacing or removing the GitHub token in the Updates view: the field opens empty
 * and focused, and closes (and forgets what was typed) once the store has kept the change.
 */
export function useTokenEditor() {
  const updates = useUpdatesStore();
  const editing = ref(false);
  const draft = ref('');
  // The view's token field (`ref="input"`).
  const input = useTemplateRef<HTMLInputElement>('input');

  async function edit(): Promise<void> {
    editing.value = true;
    draft.value = '';
    await nextTick();
    input.value?.focus();
  }

  async function save(): Promise<void> {
    const token = draft.value.trim();
    if (!token) return;
    if (await updates.saveToken(token)) {
      editing.value = false;
      draft.value = '';
    }
  }

  async function remove(): Promise<void> {
    if (await updates.saveToken(null)) editing.value = false;
  }

  return { editing, draft, edit, save, remove };
}
