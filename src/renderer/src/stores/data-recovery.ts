import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DataRecovery } from '../../../shared/contract/progress';
import { api } from '../api';

/** The notice that user.db was damaged and restored from a backup at start-up, shown once. */
export const useDataRecoveryStore = defineStore('data-recovery', () => {
  const recovery = ref<DataRecovery | null>(null);

  async function load(): Promise<void> {
    recovery.value = await api.progress.dataRecovery();
  }

  async function dismiss(): Promise<void> {
    recovery.value = null;
    await api.progress.dismissDataRecovery();
  }

  return { recovery, load, dismiss };
});
