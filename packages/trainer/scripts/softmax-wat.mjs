/**
 * The WebAssembly text of the fused softmax cross-entropy (part of the kernel module, see
 * gemm-wat.mjs). For each of n rows of D_o logits y (float32, row-major) with class target t_r:
 *
 *   m_r = max_j y_rj,  e_rj = exp(y_rj - m_r),  s_r = sum_j e_rj,
 *   l_r = log s_r + m_r - y_r,t_r,  dl_r/dy_rj = e_rj / s_r - [j = t_r]
 *
 * (scale * dl_r/dy_rj is computed as e_rj * (scale / s_r): one division per row).
 *
 * `softmaxXent` writes scale * dl_r/dy_rj into g (unless g is 0), s_r into z (float64), the number
 * of rows whose first largest logit is the target into the i32 at `correct`, and returns
 * sum_r (m_r - y_r,t_r); WebAssembly has no log instruction, so the caller adds sum_r log s_r.
 * Targets are class indices stored as float32. exp is the Cephes single-precision one (range
 * reduction by ln 2 in two parts, degree-5 polynomial, relative error below 2e-7), so the loss is
 * as exact as the float32 logits it starts from; a NaN logit gives a NaN sum.
 */

/** f32 e^x for x <= 0 (NaN stays NaN; below -87.3 the result is 0). */
const expNonPositive = `
  (func $expNonPositive (param $x f32) (result f32)
    (local $k f32) (local $r f32) (local $p f32)
    (if (f32.lt (local.get $x) (f32.const -87.3)) (then (return (f32.const 0))))
    (local.set $k (f32.nearest (f32.mul (local.get $x) (f32.const 1.44269504088896341))))
    (local.set $r (f32.sub
      (f32.sub (local.get $x) (f32.mul (local.get $k) (f32.const 0.693359375)))
      (f32.mul (local.get $k) (f32.const -2.12194440e-4))))
    (local.set $p (f32.const 1.9875691500e-4))
    ${['1.3981999507e-3', '8.3334519073e-3', '4.1665795894e-2', '1.6666665459e-1', '5.0000001201e-1']
      .map((c) => `(local.set $p (f32.add (f32.mul (local.get $p) (local.get $r)) (f32.const ${c})))`)
      .join('\n    ')}
    (f32.mul
      (f32.add (f32.add (f32.mul (f32.mul (local.get $p) (local.get $r)) (local.get $r)) (local.get $r)) (f32.const 1))
      (f32.reinterpret_i32 (i32.shl
        (i32.add (i32.trunc_sat_f32_s (local.get $k)) (i32.const 127))
        (i32.const 23)))))`;

/** The exported loss; pointers are byte offsets, `d` is D_o. */
const softmaxXent = `
  (func (export "softmaxXent") (param $n i32) (param $d i32) (param $y i32) (param $t i32)
      (param $g i32) (param $scale f64) (param $z i32) (param $correct i32) (result f64)
    (local $r i32) (local $j i32) (local $row i32) (local $grow i32) (local $m f32) (local $v f32)
    (local $best i32) (local $cls i32) (local $right i32) (local $e f32) (local $s f64) (local $ratio f64) (local $sum f64)
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.add (local.get $y) (i32.shl (i32.mul (local.get $r) (local.get $d)) (i32.const 2))))
      (local.set $grow (i32.add (local.get $g) (i32.shl (i32.mul (local.get $r) (local.get $d)) (i32.const 2))))
      ;; m and the first index reaching it
      (local.set $m (f32.load (local.get $row)))
      (local.set $best (i32.const 0))
      (local.set $j (i32.const 1))
      (block $maxDone (loop $max
        (br_if $maxDone (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $v (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))))
        (if (f32.gt (local.get $v) (local.get $m)) (then
          (local.set $m (local.get $v))
          (local.set $best (local.get $j))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $max)))
      (local.set $cls (i32.trunc_sat_f32_s (f32.load (i32.add (local.get $t) (i32.shl (local.get $r) (i32.const 2))))))
      (if (i32.eq (local.get $best) (local.get $cls)) (then
        (local.set $right (i32.add (local.get $right) (i32.const 1)))))
      (local.set $sum (f64.add (local.get $sum) (f64.sub
        (f64.promote_f32 (local.get $m))
        (f64.promote_f32 (f32.load (i32.add (local.get $row) (i32.shl (local.get $cls) (i32.const 2))))))))
      ;; e_j (kept in g until s is known) and s
      (local.set $s (f64.const 0))
      (local.set $j (i32.const 0))
      (block $expDone (loop $exp
        (br_if $expDone (i32.ge_u (local.get $j) (local.get $d)))
        (local.set $e (call $expNonPositive (f32.sub
          (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
          (local.get $m))))
        (local.set $s (f64.add (local.get $s) (f64.promote_f32 (local.get $e))))
        (if (local.get $g) (then
          (f32.store (i32.add (local.get $grow) (i32.shl (local.get $j) (i32.const 2))) (local.get $e))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $exp)))
      (f64.store (i32.add (local.get $z) (i32.shl (local.get $r) (i32.const 3))) (local.get $s))
      (if (local.get $g) (then
        (local.set $ratio (f64.div (local.get $scale) (local.get $s)))
        (local.set $j (i32.const 0))
        (block $gradDone (loop $grad
          (br_if $gradDone (i32.ge_u (local.get $j) (local.get $d)))
          (f32.store (i32.add (local.get $grow) (i32.shl (local.get $j) (i32.const 2)))
            (f32.demote_f64 (f64.mul
              (local.get $ratio)
              (f64.promote_f32 (f32.load (i32.add (local.get $grow) (i32.shl (local.get $j) (i32.const 2))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $grad)))
        (f32.store (i32.add (local.get $grow) (i32.shl (local.get $cls) (i32.const 2)))
          (f32.demote_f64 (f64.sub
            (f64.promote_f32 (f32.load (i32.add (local.get $grow) (i32.shl (local.get $cls) (i32.const 2)))))
            (local.get $scale))))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows)))
    (i32.store (local.get $correct) (local.get $right))
    (local.get $sum))`;

/** The functions to splice into the kernel module. */
export const softmaxWat = () => expNonPositive + softmaxXent;
