#pragma once

// Memory for the blocks that hold a task's header, result slot and coroutine
// frame (see allocate_frame in task_header.hpp). Defined in
// src/frame_allocator.cpp.
//
// Blocks of up to 1 KiB come in size classes, and each thread keeps a small,
// bounded free list per class: a frame freed on a thread goes to that
// thread's list, and the next frame of that class allocated there reuses it
// without a trip through malloc. Blocks beyond the classes, the overflow of a
// full list, and a thread's lists when the thread exits go back to
// ::operator delete. Under AddressSanitizer and ThreadSanitizer there are no
// lists, so that every frame is a real allocation the sanitizer can see.

#include <cstddef>

namespace asyncrt::detail {

// Returns a block of at least `size` bytes aligned as ::operator new's, and
// sets `size_class` to what deallocate_block needs to take it back (0: a
// block allocated with ::operator new(size) itself). Throws std::bad_alloc.
void* allocate_block(std::size_t size, unsigned& size_class);

// Takes back a block from allocate_block, on any thread.
void deallocate_block(void* block, unsigned size_class) noexcept;

// Whether this build keeps per-thread free lists (false under the sanitizers).
bool frame_cache_enabled() noexcept;

// The number of free blocks cached on the calling thread (for tests).
std::size_t frame_cache_size() noexcept;

}  // namespace asyncrt::detail
