/** The catalogue entries of classics (see properties/catalogueSuite.ts). */
import { catalogueTests } from '../catalogueSuite.ts';

catalogueTests('classics');
