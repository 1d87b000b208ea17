/** One stretch of rendered output and the source text it came from. */
interface Segment {
  outStart: number;
  srcStart: number;
  srcEnd: number;
  /** Literal text maps character for character; a tag or output maps to where it starts. */
  literal: boolean;
}

/**
 * Maps offsets in the Liquid output back to offsets in the Liquid source, so problems
 * found later (by the markdown pass) still point at the writer's file.
 */
export class OutputMap {
  private readonly segments: Segment[] = [];

  /** The map of an untouched text: every offset maps to itself. */
  static identity(length: number): OutputMap {
    const map = new OutputMap();
    map.add(0, 0, length, true);
    return map;
  }

  add(outStart: number, srcStart: number, srcEnd: number, literal: boolean): void {
    this.segments.push({ outStart, srcStart, srcEnd, literal });
  }

  toSource(outOffset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    if (high < 0) return outOffset;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid]!.outStart <= outOffset) low = mid;
      else high = mid - 1;
    }
    const segment = this.segments[low]!;
    if (!segment.literal) return segment.srcStart;
    return Math.min(segment.srcStart + (outOffset - segment.outStart), segment.srcEnd);
  }
}
