export { generateDemo, DEMO_DEFAULTS, DEMO_PHASES, DEMO_START_DATE, type DemoOptions, type DemoPhase } from './generate-demo.ts';
export { PRODUCT_LINES, MACHINE_LINES, type ProductLine, type MachineLine } from './products.ts';
export { PAYMENT_TERMS } from './orders.ts';
export { CHANNELS, OPEN_STAGES, WON_STAGE, LOST_STAGE } from './opportunities.ts';
export { createRng, type Rng } from './rng.ts';
