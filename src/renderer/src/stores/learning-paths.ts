import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LearningPathProgress } from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';

/** Learning-path progress: pages a path links that the user marked read (computed by main). */
export const useLearningPathsStore = defineStore('learning-paths', () => {
  /** The shown page's path progress, or null when the page is not a learning path. */
  const current = ref<LearningPathProgress | null>(null);
  const inProgress = ref<LearningPathProgress[]>([]);
  const error = ref<string | null>(null);

  async function loadPage(pageId: PageId): Promise<void> {
    try {
      current.value = await api.progress.learningPath(pageId);
      error.value = null;
    } catch (e) {
      current.value = null;
      error.value = `Could not count this path's read pages: ${messageOf(e)}`;
    }
  }

  async function loadInProgress(): Promise<void> {
    try {
      inProgress.value = await api.progress.learningPathsInProgress();
      error.value = null;
    } catch (e) {
      error.value = `Could not list your learning paths: ${messageOf(e)}`;
    }
  }

  return { current, inProgress, error, loadPage, loadInProgress };
});
