"""@guvectorize: generalized NumPy ufuncs with core dimensions, compared
with NumPy over loop-dimension broadcasting, layouts and out=."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import mumba
from helpers import make_array
from ufunc_kernels import dot


@mumba.guvectorize(["void(float64[:,:], float64[:,:], float64[:,:])"], "(m,n),(n,p)->(m,p)")
def matmul(A, B, C):
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            s = 0.0
            for k in range(A.shape[1]):
                s += A[i, k] * B[k, j]
            C[i, j] = s


@mumba.guvectorize(["void(float64[:], float64, float64[:])", "void(int64[:], int64, int64[:])"], "(n),()->(n)")
def scale(x, k, out):
    for i in range(x.shape[0]):
        out[i] = x[i] * k


@mumba.guvectorize(["void(float64[:], float64[:], float64[:])"], "(n)->(),()")
def min_max(x, lo, hi):
    lo[0] = x[0]
    hi[0] = x[0]
    for i in range(1, x.shape[0]):
        lo[0] = min(lo[0], x[i])
        hi[0] = max(hi[0], x[i])


@mumba.guvectorize(["void(float64[:], float64[:])"], "(n)->(n)", target="parallel")
def cumsum_parallel(x, out):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
        out[i] = s


def test_is_a_generalized_ufunc():
    assert isinstance(dot, np.ufunc)
    assert dot.signature == "(n),(n)->()"
    assert dot.types == ["dd->d", "ff->f"]
    assert dot.nin == 2 and dot.nout == 1
    assert min_max.nout == 2 and min_max.signature == "(n)->(),()"


@pytest.mark.parametrize("layout", ["C", "F", "A"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_dot_over_loop_dimensions(layout, dtype):
    x = make_array((6, 5), dtype, layout, seed=1)
    y = make_array((6, 5), dtype, layout, seed=2)
    got = dot(x, y)
    assert got.dtype == dtype and got.shape == (6,)
    rtol = 1e-5 if dtype == "float32" else 1e-13
    assert_allclose(got, np.einsum("ij,ij->i", x.astype(np.float64), y), rtol=rtol)


def test_broadcasting_the_loop_dimensions_and_empty_cores():
    x = make_array((2, 3, 4), "float64", seed=3)
    v = make_array(4, "float64", seed=4)
    assert_allclose(dot(x, v), x @ v, rtol=1e-13)
    assert dot(np.empty((3, 0)), np.empty((3, 0))).tolist() == [0.0, 0.0, 0.0]
    assert dot(np.empty((0, 4)), np.empty((0, 4))).shape == (0,)
    with pytest.raises(ValueError):
        dot(np.ones((2, 3)), np.ones((2, 4)))  # core sizes disagree


def test_matmul_two_core_dimensions():
    A = make_array((5, 3, 4), "float64", seed=5)
    B = make_array((4, 2), "float64", "F", seed=6)
    assert_allclose(matmul(A, B), A @ B, rtol=1e-13)
    assert_allclose(matmul(A[:, ::-1, ::2], B[::2]), A[:, ::-1, ::2] @ B[::2], rtol=1e-13)


def test_scalar_operand_and_out():
    x = make_array((3, 4), "float64", seed=7)
    k = np.array([1.0, -2.0, 0.5])[:, None]
    assert_array_equal(scale(x, k[:, 0, None][:, 0]), x * k)
    out = np.empty((3, 4))
    res = scale(x, 3.0, out=out)
    assert res is out
    assert_array_equal(out, x * 3.0)
    xi = make_array((2, 5), "int64", seed=8)
    # NumPy takes the first loop the inputs cast to safely: int64 arrays
    # with a Python int go to the float64 loop, int64 ones to the int64 one.
    assert scale(xi, 7).dtype == np.float64
    got = scale(xi, np.full(2, 7)[:, None][:, 0])
    assert got.dtype == np.int64
    assert_array_equal(got, xi * 7)


def test_two_outputs():
    x = make_array((4, 9), "float64", seed=9)
    lo, hi = min_max(x)
    assert_array_equal(lo, x.min(axis=1))
    assert_array_equal(hi, x.max(axis=1))
    lo, hi = min_max(x, axes=[(0,), (), ()])
    assert_array_equal(lo, x.min(axis=0))


def test_parallel_gufunc_matches_numpy():
    x = make_array((2000, 64), "float64", seed=10)
    assert_allclose(cumsum_parallel(x), np.cumsum(x, axis=1), rtol=1e-12)
    assert_allclose(cumsum_parallel(x[::2, ::-1]), np.cumsum(x[::2, ::-1], axis=1), rtol=1e-12)


def test_core_steps_that_are_not_whole_elements():
    rec = np.zeros((3, 5), dtype=[("tag", "u1"), ("v", "f8")])
    rec["v"] = make_array((3, 5), "float64", seed=11)
    v = rec["v"]
    assert v.strides[1] == 9
    assert_allclose(dot(v, v), (v * v).sum(axis=1), rtol=1e-13)
    out = np.zeros((3, 5), dtype=[("tag", "u1"), ("v", "f8")])["v"]
    scale(v, 2.0, out=out)
    assert_array_equal(out, v * 2.0)


def test_layout_and_signature_errors():
    with pytest.raises(TypeError, match="takes 2 argument"):
        mumba.guvectorize(["void(float64[:], float64[:])"], "(n),(n)->()")(lambda x, y: None)
    with pytest.raises(TypeError, match="has 2 dimension"):
        mumba.guvectorize(["void(float64[:,:], float64[:])"], "(n)->()")(lambda x, o: None)
    with pytest.raises(TypeError, match="outputs must be arrays"):
        mumba.guvectorize(["void(float64[:], float64)"], "(n)->()")(lambda x, o: None)
    with pytest.raises(ValueError, match="needs '->'"):
        mumba.guvectorize(["void(float64[:], float64[:])"], "(n),(n)")(lambda x, o: None)
    with pytest.raises(TypeError, match="not supported for the input types"):
        dot(np.array([["a"]]), np.array([["b"]]))


def test_typing_error_in_the_kernel_has_a_caret():
    with pytest.raises(mumba.TypingError) as info:

        @mumba.guvectorize(["void(float64[:], float64[:])"], "(n)->()")
        def broken(x, out):
            out[0] = x.no_such_attribute

    assert "out[0] = x.no_such_attribute" in str(info.value) and "^" in str(info.value)
