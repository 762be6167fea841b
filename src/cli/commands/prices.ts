/** `mechcheck prices` (seed 003): not built yet. */
import { InputError } from '../../core/errors.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'seed 003 command (not built yet)',
  async run() {
    throw new InputError('prices', 'this command is not available yet');
  },
};
