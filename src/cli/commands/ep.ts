/** `mechcheck ep` (seed 002): not built yet. */
import { InputError } from '../../core/errors.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'seed 002 command (not built yet)',
  async run() {
    throw new InputError('ep', 'this command is not available yet');
  },
};
