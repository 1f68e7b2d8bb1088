/** Append-only Float64 buffer that doubles as it grows: predictions for millions of rows, no copies per batch. */
export class Growable {
  private buf = new Float64Array(1024);
  private len = 0;

  push(values: ArrayLike<number>): void {
    if (this.len + values.length > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.len + values.length) cap *= 2;
      const next = new Float64Array(cap);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.buf.set(values, this.len);
    this.len += values.length;
  }

  get length(): number {
    return this.len;
  }

  view(): Float64Array {
    return this.buf.subarray(0, this.len);
  }
}

/** Predicted class values as the model returns them (numbers or strings). */
export class GrowableValues {
  private readonly items: (number | string)[] = [];

  push(values: (number | string)[]): void {
    for (const v of values) this.items.push(v);
  }

  values(): (number | string)[] {
    return this.items;
  }
}
