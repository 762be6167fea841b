/** The catalogue entries of seed002 (see properties/catalogueSuite.ts). */
import { catalogueTests } from '../catalogueSuite.ts';

catalogueTests('seed002');
