/** `mechcheck info` (seed 001): not built yet. */
import { InputError } from '../../core/errors.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'seed 001 command (not built yet)',
  async run() {
    throw new InputError('info', 'this command is not available yet');
  },
};
