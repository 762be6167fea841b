/** The catalogue entries of seed000 (see properties/catalogueSuite.ts). */
import { catalogueTests } from '../catalogueSuite.ts';

catalogueTests('seed000');
