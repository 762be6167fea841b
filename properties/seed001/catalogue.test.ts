/** The catalogue entries of seed001 (see properties/catalogueSuite.ts). */
import { catalogueTests } from '../catalogueSuite.ts';

catalogueTests('seed001');
