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

/**
 * Predicted class values as the model returns them: numbers in a Growable (int64 and int32
 * label outputs, the common case), text in an array; a model whose labels are text gives text
 * for every batch.
 */
export class GrowableValues {
  private readonly numbers = new Growable();
  private readonly texts: string[] = [];

  push(values: Float64Array | string[]): void {
    if (Array.isArray(values)) for (const v of values) this.texts.push(v);
    else this.numbers.push(values);
  }

  values(): Float64Array | string[] {
    if (this.texts.length && this.numbers.length)
      throw new Error('a model gave numeric and text labels in one evaluation');
    return this.texts.length ? this.texts : this.numbers.view();
  }
}
