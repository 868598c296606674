export { RegionsPage } from './RegionsPage.tsx';
