#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace sikgu::core {

/// The coroutine type of every handler, store and client call.
template <class T = void>
using Task = boost::asio::awaitable<T>;

/// Completion token that turns I/O errors into values: `auto [ec, n] = co_await stream.async_read_some(buf);`
/// Boost 1.81 has no default token, so it is baked into the I/O object types with `as_default_on_t`.
using AsTuple = boost::asio::as_tuple_t<boost::asio::use_awaitable_t<>>;

}  // namespace sikgu::core
