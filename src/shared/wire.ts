/**
 * What google.script.run carries, as a type: strings, numbers, booleans, null, and arrays and plain
 * objects of them (packages/apps-script-emulator/script-run.ts cites Google's reference). `T extends Wire<T>` holds only
 * when T is made of those alone: a Date, a function, a Map or a class instance with methods, an
 * undefined inside an array and an optional or undefined field are refused (Google turns undefined
 * in an array into null, and no source says how an undefined field travels).
 */
export type Wire<T> = T extends string | number | boolean | null
  ? T
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer Item)[]
      ? readonly Wire<Item>[]
      : T extends object
        ? { -readonly [K in keyof T]-?: Wire<T[K]> }
        : never;
