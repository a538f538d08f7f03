// The owner dashboard's endpoints, one module per area; this file gathers them for the pages.
export * from './catalog';
export * from './contacts';
export * from './conversations';
export * from './money';
export * from './orders';
export * from './payments';
export * from './stats';
export * from './stream';
