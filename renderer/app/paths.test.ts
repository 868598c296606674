import { describe, expect, it } from 'vitest';
import { baseName, dirName, joinPath } from './paths.ts';

describe('paths', () => {
  it('joins with the separator of the folder', () => {
    expect(joinPath('/home/li/.atlas', 'a.atlas')).toBe('/home/li/.atlas/a.atlas');
    expect(joinPath('/home/li/.atlas/', 'a.atlas')).toBe('/home/li/.atlas/a.atlas');
    expect(joinPath('C:\\Users\\li\\Atlas', 'a.atlas')).toBe('C:\\Users\\li\\Atlas\\a.atlas');
    expect(joinPath('', 'a.atlas')).toBe('a.atlas');
  });

  it('finds the folder of a path', () => {
    expect(dirName('/home/li/a.atlas')).toBe('/home/li');
    expect(dirName('C:\\Users\\li\\a.atlas')).toBe('C:\\Users\\li');
    expect(dirName('/a.atlas')).toBe('/');
    expect(dirName('a.atlas')).toBe('');
  });

  it('drops the .atlas extension', () => {
    expect(baseName('华东区域.atlas')).toBe('华东区域');
    expect(baseName('plain')).toBe('plain');
  });
});
