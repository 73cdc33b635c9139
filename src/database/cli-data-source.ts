import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment.js';
import { dataSourceOptions } from './data-source.js';

/** For the TypeORM CLI only (npm run migration:generate); the app builds its data source from dataSourceOptions. */
export default new DataSource(dataSourceOptions(loadEnvironment()));
