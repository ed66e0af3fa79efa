/**
 * The WebAssembly text of the Float32 SIMD matrix-multiply kernel, written as a template so that
 * the register-tiled micro-kernels (4 rows x 8 columns, the last M mod 4 rows as one block of
 * 1-3 rows x 16 or 8 columns, the last columns 4 or fewer at a time) are spelled out once.
 *
 *   C[i, j] = epilogue( (flags & ACCUMULATE ? C[i, j] : 0) + sum_p A[i, p] B[p, j] + bias[j] )
 *
 * for i < M, j < N, p < K, where A is addressed with two strides (A[i, p] at a + i*sai + p*sap,
 * so A can be a transposed view), B and C are row-major with row strides sbp and sc, and the
 * epilogue optionally applies ReLU (flags & RELU) and a ReLU-derivative mask
 * (C[i, j] = 0 where mask[i, j] <= 0, mask laid out like C). Pointers are byte offsets into the
 * imported memory; strides are in elements. One kernel serves the three products of a layer:
 *
 *   forward  Z = H Omega^T + 1 beta^T (fused ReLU):  A = H,     B = Omega^T (transposed copy)
 *   dH = (dZ Omega) * [h > 0]:                       A = dZ,    B = Omega,  mask = h
 *   dOmega = dZ^T H (row chunks, ACCUMULATE):        A = dZ^T,  B = H
 *   dbeta = 1^T dZ:                                  A = a single 1.0 with sap = 0, B = dZ
 *
 * Columns past a multiple of 4 use a partial tile whose loads may read up to 3 floats beyond a row
 * (harmless: those lanes are never stored); the caller keeps 16 bytes of slack after every array.
 * `relaxed` uses f32x4.relaxed_madd (one fused multiply-add where the engine has FMA).
 */

import { softmaxWat } from './softmax-wat.mjs';

/** Rows of the main register tile (4 rows x 2 vectors: 8 accumulators + 2 B vectors + 1 broadcast). */
const MR = 4;

/**
 * Vectors per tile for a block of `mr` rows: 2 (8 columns) for 3-4 rows, 4 (16 columns) for 1-2
 * rows, so that even the last rows of a product (M mod 4) keep 4-8 independent accumulators and are
 * not bound by the latency of one multiply-add chain. At most 13 of the 16 vector registers.
 */
const wideVectors = (mr) => (mr <= 2 ? 4 : 2);

/** acc <- acc + a * b */
const madd = (relaxed, acc, a, b) =>
  relaxed
    ? `(local.set ${acc} (f32x4.relaxed_madd (local.get ${a}) (local.get ${b}) (local.get ${acc})))`
    : `(local.set ${acc} (f32x4.add (local.get ${acc}) (f32x4.mul (local.get ${a}) (local.get ${b}))))`;

/** The micro-kernel computing one mr x (4 nv) tile of C (the last vector possibly partial). */
function microKernel(relaxed, mr, nv) {
  const rows = [...Array(mr).keys()];
  const vecs = [...Array(nv).keys()];
  const acc = (r, v) => `$c${r}_${v}`;
  const cRow = (r) =>
    r === 0 ? '(local.get $c)' : `(i32.add (local.get $c) (i32.mul (local.get $sc) (i32.const ${r})))`;
  const mRow = (r) =>
    r === 0 ? '(local.get $mask)' : `(i32.add (local.get $mask) (i32.mul (local.get $sc) (i32.const ${r})))`;
  const aRow = (r) => (r === 0 ? '(local.get $a)' : `(i32.add (local.get $a) (local.get $sa${r}))`);
  const each = (f) => rows.flatMap((r) => vecs.map((v) => f(r, v))).join('\n    ');
  const last = nv - 1;
  const store = (r, v) => {
    const full = `(v128.store offset=${16 * v} ${cRow(r)} (local.get ${acc(r, v)}))`;
    if (v !== last) return full;
    const lane = (l) =>
      `(f32.store offset=${16 * v + 4 * l} ${cRow(r)} (f32x4.extract_lane ${l} (local.get ${acc(r, v)})))`;
    return `(if (i32.eq (local.get $lanes) (i32.const 4)) (then ${full}) (else
      ${lane(0)}
      (if (i32.gt_u (local.get $lanes) (i32.const 1)) (then ${lane(1)}))
      (if (i32.gt_u (local.get $lanes) (i32.const 2)) (then ${lane(2)}))))`;
  };
  return `
  (func $mk${mr}x${nv} (param $K i32) (param $a i32) (param $sai i32) (param $sap i32)
      (param $b i32) (param $sbp i32) (param $c i32) (param $sc i32)
      (param $bias i32) (param $mask i32) (param $flags i32) (param $lanes i32)
    ${rows.map((r) => vecs.map((v) => `(local ${acc(r, v)} v128)`).join(' ')).join('\n    ')}
    ${vecs.map((v) => `(local $b${v} v128)`).join(' ')} (local $x v128) (local $zero v128)
    ${rows
      .slice(1)
      .map((r) => `(local $sa${r} i32)`)
      .join(' ')}
    ${rows
      .slice(1)
      .map((r) => `(local.set $sa${r} (i32.mul (local.get $sai) (i32.const ${r})))`)
      .join('\n    ')}
    (if (i32.and (local.get $flags) (i32.const 1)) (then
    ${each((r, v) => `(local.set ${acc(r, v)} (v128.load offset=${16 * v} ${cRow(r)}))`)}))
    (if (local.get $K) (then (loop $p
      ${vecs.map((v) => `(local.set $b${v} (v128.load offset=${16 * v} (local.get $b)))`).join('\n      ')}
      ${rows
        .map(
          (r) =>
            `(local.set $x (v128.load32_splat ${aRow(r)}))\n      ` +
            vecs.map((v) => madd(relaxed, acc(r, v), '$x', `$b${v}`)).join('\n      '),
        )
        .join('\n      ')}
      (local.set $a (i32.add (local.get $a) (local.get $sap)))
      (local.set $b (i32.add (local.get $b) (local.get $sbp)))
      (br_if $p (local.tee $K (i32.sub (local.get $K) (i32.const 1)))))))
    (if (local.get $bias) (then
      ${vecs.map((v) => `(local.set $b${v} (v128.load offset=${16 * v} (local.get $bias)))`).join('\n      ')}
      ${each((r, v) => `(local.set ${acc(r, v)} (f32x4.add (local.get ${acc(r, v)}) (local.get $b${v})))`)}))
    (if (i32.and (local.get $flags) (i32.const 2)) (then
      ${each((r, v) => `(local.set ${acc(r, v)} (f32x4.pmax (local.get ${acc(r, v)}) (local.get $zero)))`)}))
    (if (local.get $mask) (then
      ${each(
        (r, v) =>
          `(local.set ${acc(r, v)} (v128.and (local.get ${acc(r, v)}) (f32x4.gt (v128.load offset=${16 * v} ${mRow(r)}) (local.get $zero))))`,
      )}))
    ${each(store)})`;
}

/**
 * The tiles of one block of `mr` rows: wide tiles (`wideVectors(mr)` vectors), then 4-column
 * tiles, then one partial tile of the last 1-3 columns.
 */
function rowBlock(mr) {
  const wide = wideVectors(mr);
  const call = (
    nv,
    lanes,
  ) => `(call $mk${mr}x${nv} (local.get $K) (local.get $ai) (local.get $sai) (local.get $sap)
          (i32.add (local.get $b) (local.get $jb)) (local.get $sbp)
          (i32.add (local.get $ci) (local.get $jb)) (local.get $sc)
          (select (i32.add (local.get $bias) (local.get $jb)) (i32.const 0) (local.get $bias))
          (select (i32.add (local.get $mi) (local.get $jb)) (i32.const 0) (local.get $mask))
          (local.get $flags) ${lanes})`;
  const tiles = (label, columns, nv) => `(block $done${label} (loop $next${label}
      (br_if $done${label} (i32.gt_u (i32.add (local.get $j) (i32.const ${columns})) (local.get $N)))
      (local.set $jb (i32.shl (local.get $j) (i32.const 2)))
      ${call(nv, '(i32.const 4)')}
      (local.set $j (i32.add (local.get $j) (i32.const ${columns})))
      (br $next${label})))`;
  return `
  (func $rows${mr} (param $N i32) (param $K i32) (param $ai i32) (param $sai i32) (param $sap i32)
      (param $b i32) (param $sbp i32) (param $ci i32) (param $sc i32)
      (param $bias i32) (param $mi i32) (param $mask i32) (param $flags i32)
    (local $j i32) (local $jb i32)
    ${tiles('Wide', 4 * wide, wide)}
    ${tiles('Four', 4, 1)}
    (local.set $jb (i32.shl (local.get $j) (i32.const 2)))
    (if (i32.lt_u (local.get $j) (local.get $N)) (then
      ${call(1, '(i32.sub (local.get $N) (local.get $j))')})))`;
}

/** Calls `$rows<mr>` for the current rows (A at $a, C at $c, mask at $mask). */
const callRows = (
  mr,
) => `(call $rows${mr} (local.get $N) (local.get $K) (local.get $a) (local.get $sai) (local.get $sap)
        (local.get $b) (local.get $sbp) (local.get $c) (local.get $sc)
        (local.get $bias) (local.get $mask) (local.get $mask) (local.get $flags))`;

const BLOCK_HEIGHTS = [...Array(MR).keys()].map((r) => r + 1);

/**
 * The whole module; `relaxed` selects f32x4.relaxed_madd for the multiply-adds, `shared` imports
 * a shared memory (up to 2 GiB) for the two-thread kernel.
 */
export function gemmWat(relaxed, shared = false) {
  return `;; Generated by packages/trainer/scripts/gemm-wat.mjs (${relaxed ? 'relaxed SIMD' : 'SIMD'}${shared ? ', shared memory' : ''}).
(module
  (import "env" "memory" (memory 1${shared ? ' 32768 shared' : ''}))
  ${BLOCK_HEIGHTS.map((mr) => microKernel(relaxed, mr, wideVectors(mr)) + microKernel(relaxed, mr, 1)).join('')}
  ${BLOCK_HEIGHTS.map(rowBlock).join('')}
  ;; C (M x N) = epilogue(A (M x K) B (K x N) + bias); see the file comment for the arguments.
  (func (export "gemm") (param $M i32) (param $N i32) (param $K i32)
      (param $a i32) (param $sai i32) (param $sap i32) (param $b i32) (param $sbp i32)
      (param $c i32) (param $sc i32) (param $bias i32) (param $mask i32) (param $flags i32)
    (local $i i32)
    (local.set $sai (i32.shl (local.get $sai) (i32.const 2)))
    (local.set $sap (i32.shl (local.get $sap) (i32.const 2)))
    (local.set $sbp (i32.shl (local.get $sbp) (i32.const 2)))
    (local.set $sc (i32.shl (local.get $sc) (i32.const 2)))
    (block $done (loop $blocks
      (br_if $done (i32.gt_u (i32.add (local.get $i) (i32.const ${MR})) (local.get $M)))
      ${callRows(MR)}
      (local.set $a (i32.add (local.get $a) (i32.mul (local.get $sai) (i32.const ${MR}))))
      (local.set $c (i32.add (local.get $c) (i32.mul (local.get $sc) (i32.const ${MR}))))
      (if (local.get $mask) (then
        (local.set $mask (i32.add (local.get $mask) (i32.mul (local.get $sc) (i32.const ${MR}))))))
      (local.set $i (i32.add (local.get $i) (i32.const ${MR})))
      (br $blocks)))
    ;; the last M mod ${MR} rows as one block of their own height
    ${BLOCK_HEIGHTS.slice(0, -1)
      .map(
        (mr) =>
          `(if (i32.eq (i32.sub (local.get $M) (local.get $i)) (i32.const ${mr})) (then ${callRows(mr)}))`,
      )
      .join('\n    ')})

  ${softmaxWat()}

  ;; dst (cols x rows) = src (rows x cols)^T, both row-major, byte pointers.
  (func (export "transpose") (param $rows i32) (param $cols i32) (param $src i32) (param $dst i32)
    (local $i i32) (local $j i32)
    (block $di (loop $li
      (br_if $di (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $j (i32.const 0))
      (block $dj (loop $lj
        (br_if $dj (i32.ge_u (local.get $j) (local.get $cols)))
        (f32.store
          (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $rows)) (local.get $i)) (i32.const 2)))
          (f32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $li))))
)
`;
}
