/** `mechcheck assignment` (seed 000): not built yet. */
import { InputError } from '../../core/errors.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'seed 000 command (not built yet)',
  async run() {
    throw new InputError('assignment', 'this command is not available yet');
  },
};
