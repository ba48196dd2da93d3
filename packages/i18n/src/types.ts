/** Every leaf a string: the shape another language must fill in. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** Like `Strings`, for word objects that also hold functions (the consoles' `(count) => …` phrases). */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => unknown
      ? T[K]
      : Translation<T[K]>;
};
