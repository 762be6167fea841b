/** The catalogue entries of seed003 (see properties/catalogueSuite.ts). */
import { catalogueTests } from '../catalogueSuite.ts';

catalogueTests('seed003');
